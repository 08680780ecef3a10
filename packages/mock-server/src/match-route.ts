// Matches a request to a spec operation by method and path template, extracting path parameters.
import type { OperationInfo } from "./spec-document.js";

export interface RouteMatch {
  info: OperationInfo;
  pathParams: Record<string, string>;
}

export function createRouter(operations: OperationInfo[]): (method: string, pathname: string) => RouteMatch | undefined {
  // Literal paths first, so /import/status is never taken for /import/{import_code}.
  const routes = operations
    .map((info) => {
      const names: string[] = [];
      const source = info.path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{([^}]+)\}/g, (_, name: string) => {
        names.push(name);
        return "([^/]+)";
      });
      return { info, names, regex: new RegExp(`^${source}/?$`) };
    })
    .sort((a, b) => a.names.length - b.names.length);
  return (method, pathname) => {
    for (const route of routes) {
      if (route.info.method !== method) continue;
      const match = route.regex.exec(pathname);
      if (!match) continue;
      const pathParams: Record<string, string> = {};
      route.names.forEach((name, i) => {
        pathParams[name] = decodeURIComponent(match[i + 1] ?? "");
      });
      return { info: route.info, pathParams };
    }
    return undefined;
  };
}
