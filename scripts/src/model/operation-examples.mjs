// @ts-check
// The documented call of an operation: its request body and parameter values from the spec's
// examples. The generated Arazzo workflows start jobs with it, and `pnpm verify --allow-start` sends
// the same request, so both exercise the call the spec author documented.

/**
 * The first example of an operation's request body, JSON media types first.
 * @param {import("./spec-model.mjs").SpecModel} model
 * @param {import("./spec-model.mjs").SpecOperation} op
 * @returns {{ contentType?: string, payload?: unknown, missing?: boolean }}
 *   missing: the body is required and no media type has an example
 */
export function requestExample(model, op) {
  const body = model.resolve(op.operation.requestBody);
  const content = Object.entries(body?.content ?? {});
  if (content.length === 0) return {};
  const ordered = [...content.filter(([type]) => /\bjson\b/i.test(type)), ...content.filter(([type]) => !/\bjson\b/i.test(type))];
  for (const [contentType, rawMedia] of ordered) {
    const media = model.resolve(rawMedia) ?? {};
    if (media.example !== undefined) return { contentType, payload: media.example };
    for (const raw of Object.values(media.examples ?? {})) {
      const example = model.resolve(raw);
      if (example?.value !== undefined) return { contentType, payload: example.value };
    }
  }
  return body.required ? { contentType: ordered[0]?.[0], missing: true } : {};
}

/**
 * A parameter's example value (its `example`, first `examples` entry, or its schema's), if any.
 * @param {import("./spec-model.mjs").SpecModel} model
 * @param {any} parameter resolved parameter object
 */
export function parameterExample(model, parameter) {
  if (parameter.example !== undefined) return parameter.example;
  const first = model.resolve(Object.values(parameter.examples ?? {})[0]);
  if (first && typeof first === "object" && "value" in first) return first.value;
  const schema = model.resolve(parameter.schema);
  return schema?.example ?? schema?.examples?.[0];
}
