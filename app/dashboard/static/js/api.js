// REST access to the node: same origin by default, or the node named by
// ?rest=http://host:1317. Every read is a GET of a public endpoint.

const params = new URLSearchParams(location.search);
export const base = (params.get("rest") || "").replace(/\/+$/, "");

// pollMs is the refresh period: ?poll=ms, default 2 s, at least 250 ms.
export const pollMs = Math.max(250, Number(params.get("poll")) || 2000);

// get fetches one endpoint's JSON; height (optional) reads the state at a
// past height through grpc-gateway's x-cosmos-block-height header.
export async function get(path, height) {
  const headers = height ? { "x-cosmos-block-height": String(height) } : {};
  const res = await fetch(base + path, { headers, cache: "no-store" });
  if (!res.ok) {
    let msg = res.statusText;
    try { msg = (await res.json()).message || msg; } catch { /* not JSON */ }
    throw new Error(`${path}: HTTP ${res.status} ${msg}`);
  }
  return res.json();
}

// list follows a paginated list endpoint to its end (at most pages pages of
// 500) and returns the concatenated items of field.
export async function list(path, field, pages = 20) {
  const out = [];
  let key = "";
  for (let i = 0; i < pages; i++) {
    const sep = path.includes("?") ? "&" : "?";
    const page = await get(`${path}${sep}pagination.limit=500${key ? "&pagination.key=" + encodeURIComponent(key) : ""}`);
    out.push(...(page[field] || []));
    key = page.pagination && page.pagination.next_key;
    if (!key) break;
  }
  return out;
}
