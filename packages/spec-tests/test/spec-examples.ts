// Collects every example a spec carries, with the schema it must satisfy and where it sits.
export interface SpecExample {
  where: string;
  schema: object;
  value: unknown;
}

// biome-ignore lint/suspicious/noExplicitAny: a parsed spec is walked by key; redocly checked its shape, these types cannot
type Node = Record<string, any>;

function examplesOf(holder: Node, where: string, schema: object | undefined): SpecExample[] {
  if (!schema) return [];
  const found: SpecExample[] = [];
  if ("example" in holder) found.push({ where: `${where}/example`, schema, value: holder.example });
  for (const [name, example] of Object.entries<Node>(holder.examples ?? {})) {
    if (example && "value" in example) found.push({ where: `${where}/examples/${name}`, schema, value: example.value });
  }
  return found;
}

function schemaExamples(schema: unknown, where: string): SpecExample[] {
  if (!schema || typeof schema !== "object") return [];
  const node = schema as Node;
  const found: SpecExample[] = [];
  if (Array.isArray(node.examples)) {
    node.examples.forEach((value: unknown, i: number) => {
      found.push({ where: `${where}/examples/${i}`, schema: node, value });
    });
  }
  for (const [key, child] of Object.entries(node)) {
    if (key === "examples" || key === "example") continue;
    if (child && typeof child === "object") found.push(...schemaExamples(child, `${where}/${key}`));
  }
  return found;
}

const escapePointer = (segment: string) => segment.replaceAll("~", "~0").replaceAll("/", "~1");

export function collectExamples(document: Node): SpecExample[] {
  const found: SpecExample[] = [];
  for (const [path, item] of Object.entries<Node>(document.paths ?? {})) {
    for (const [method, operation] of Object.entries<Node>(item)) {
      if (!operation || typeof operation !== "object" || !("responses" in operation)) continue;
      const at = `#/paths/${escapePointer(path)}/${method}`;
      for (const [i, parameter] of (operation.parameters ?? []).entries()) {
        found.push(...examplesOf(parameter, `${at}/parameters/${i}`, parameter.schema));
      }
      for (const [type, media] of Object.entries<Node>(operation.requestBody?.content ?? {})) {
        found.push(...examplesOf(media, `${at}/requestBody/content/${escapePointer(type)}`, media.schema));
      }
      for (const [status, response] of Object.entries<Node>(operation.responses ?? {})) {
        for (const [type, media] of Object.entries<Node>(response.content ?? {})) {
          found.push(...examplesOf(media, `${at}/responses/${status}/content/${escapePointer(type)}`, media.schema));
        }
      }
    }
  }
  for (const [name, schema] of Object.entries<Node>(document.components?.schemas ?? {})) {
    found.push(...schemaExamples(schema, `#/components/schemas/${name}`));
  }
  return found;
}
