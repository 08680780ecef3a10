// A minimal HTTP server answering every request with one Docutray status body, run in its own
// process so the server's work does not share the event loop with the clients being measured.
import http from "node:http";

const body = JSON.stringify({
  conversion_id: "cm5vm9hx30001m5cgh0p9v8qa",
  status: "PROCESSING",
  request_timestamp: "2024-01-15T10:30:00.000Z",
  document_type_code: "invoice",
  original_filename: "invoice_001.pdf",
});
const server = http.createServer((request, response) => {
  request.resume();
  response.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  response.end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.send?.({ port: typeof address === "object" && address ? address.port : 0 });
});
process.on("disconnect", () => server.close());
