// The base URL of a vendor: `baseUrl` when given, else the spec's first server with its variables
// filled from the client options (a free-form variable such as Apptus' cluster id has no real
// default, so it must be given).
import type { VendorDescriptor } from "./descriptor.js";

export function resolveBaseUrl(descriptor: VendorDescriptor, options: Record<string, unknown>): string {
  if (typeof options.baseUrl === "string" && options.baseUrl !== "") return options.baseUrl;
  const { url, variables } = descriptor.server;
  const required = Object.entries(variables).filter(([, v]) => v.required);
  if (url === "" || (required.length > 0 && required.some(([, v]) => typeof options[v.option] !== "string" || options[v.option] === ""))) {
    const names = required.map(([, v]) => `\`${v.option}\``).join(", ");
    throw new TypeError(
      url === ""
        ? `${descriptor.vendor}: the \`baseUrl\` option is required: the spec names no server`
        : `${descriptor.vendor}: the ${names} option${required.length > 1 ? "s" : ""} (or \`baseUrl\`) ${required.length > 1 ? "are" : "is"} required: the API is served at ${url}`,
    );
  }
  return url.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const variable = variables[name];
    if (!variable) return whole;
    const given = options[variable.option];
    return encodeURIComponent(typeof given === "string" && given !== "" ? given : variable.default);
  });
}
