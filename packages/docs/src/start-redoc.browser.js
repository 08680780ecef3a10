// Runs in the browser, on every reference page of the docs site (copied there as start-redoc.js):
// renders the contract inlined in the page with the redoc bundle shipped next to it. A separate file
// rather than an inline script, so the pages' Content-Security-Policy needs no 'unsafe-inline'.
const contract = JSON.parse(document.getElementById("openapi").textContent);
// Redoc is the global that redoc.standalone.js, loaded just before this script, defines.
Redoc.init(contract, {}, document.getElementById("redoc"));
