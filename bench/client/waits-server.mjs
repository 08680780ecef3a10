// @ts-check
// The fake vendor of the scale benchmark (its own process, so its CPU and memory are not counted):
// Docutray's status route, where each job succeeds on its POLLS-th poll. It counts requests,
// connections and the peak of open sockets, reported and reset on the parent's request.
import { createServer } from "node:http";

const POLLS = Number(process.env.POLLS ?? 5);
/** @type {Map<string, number>} */
const polls = new Map();
let requests = 0;
let open = 0;
let peakOpen = 0;
let connections = 0;

const server = createServer((request, response) => {
  requests++;
  const id = decodeURIComponent(request.url?.split("/").pop() ?? "");
  const n = (polls.get(id) ?? 0) + 1;
  polls.set(id, n);
  const status = n >= POLLS ? "SUCCESS" : "PROCESSING";
  response.writeHead(200, { "content-type": "application/json" });
  response.end(
    `{"conversion_id":${JSON.stringify(id)},"status":"${status}","request_timestamp":"2026-01-15T10:30:00.000Z","document_type_code":"invoice","original_filename":"a.pdf"}`,
  );
});
server.keepAliveTimeout = 60_000;
server.on("connection", (socket) => {
  connections++;
  peakOpen = Math.max(peakOpen, ++open);
  socket.on("close", () => open--);
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.send?.({ port: typeof address === "object" && address ? address.port : 0 });
});
process.on("message", (message) => {
  if (message === "stats") {
    process.send?.({ requests, connections, peakOpen, jobs: polls.size });
    requests = 0;
    connections = 0;
    peakOpen = open;
    polls.clear();
  }
});
process.on("disconnect", () => process.exit(0));
