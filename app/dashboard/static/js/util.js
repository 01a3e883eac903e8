// DOM building (text only: names and addresses come from the chain, so
// nothing is ever parsed as HTML) and number formatting.

// h builds an element: attrs sets attributes (class, title, data-*…) or
// properties for on* handlers; children are nodes, strings or arrays.
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k.startsWith("on")) el[k] = v;
    else el.setAttribute(k, v === true ? "" : v);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c == null || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : String(c));
  }
}

export const $ = (sel, root = document) => root.querySelector(sel);

// fill replaces an element's children.
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
}

// kv fills a <dl> with [term, value] pairs.
export function kv(dl, pairs) {
  fill(dl, pairs.map(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]));
}

// table fills a <table> with a header row and rows of cells; a cell is a
// value or {v, cls, title}. empty is shown when there are no rows.
export function table(el, head, rows, empty = "none") {
  const thead = h("tr", {}, head.map((c) => h("th", {}, c)));
  const body = rows.length
    ? rows.map((r) => h("tr", {}, r.map((c) =>
        c && typeof c === "object" && !(c instanceof Node)
          ? h("td", { class: c.cls, title: c.title }, c.v)
          : h("td", {}, c))))
    : [h("tr", {}, h("td", { class: "empty", colspan: head.length }, empty))];
  fill(el, h("thead", {}, thead), h("tbody", {}, body));
}

export function badge(text, kind) {
  return h("span", { class: `badge ${kind || ""}` }, text);
}

// num formats a decimal string or number with at most digits significant
// decimals; amounts in the chain's JSON are strings.
export function num(x, digits = 4) {
  const v = Number(x);
  if (!Number.isFinite(v)) return "–";
  if (v !== 0 && Math.abs(v) < 1e-3) return v.toExponential(2);
  return v.toLocaleString("en-US", { maximumFractionDigits: digits });
}

export const pct = (x, digits = 1) => `${(Number(x) * 100).toFixed(digits)} %`;

// don formats an integer udon amount (a string, exactly via BigInt) in DON.
export function don(udon, decimals = 2) {
  if (udon == null || udon === "") return "–";
  let b = BigInt(udon);
  const neg = b < 0n;
  if (neg) b = -b;
  const whole = b / 1000000n;
  const frac = (b % 1000000n).toString().padStart(6, "0").slice(0, decimals);
  return `${neg ? "-" : ""}${whole.toLocaleString("en-US")}${decimals ? "." + frac : ""} DON`;
}

// short abbreviates a bech32 address; the full one is in the title.
export function addr(a) {
  if (!a) return "–";
  const s = a.length > 20 ? `${a.slice(0, 10)}…${a.slice(-6)}` : a;
  return { v: s, cls: "l mono", title: a };
}

export function ago(date) {
  const s = Math.max(0, Math.round((Date.now() - date.getTime()) / 1000));
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  return `${Math.floor(s / 3600)} h ago`;
}

// statusName trims an enum's prefix: MODEL_STATUS_ACTIVE → active.
export const statusName = (s, prefix) => String(s || "").replace(prefix, "").toLowerCase();

// dec18 parses a chain decimal (LegacyDec: up to 18 decimal places) into a
// BigInt scaled by 10^18, so figures the chain computes exactly (⌊a·b⌋)
// are recomputed exactly too.
export const ONE18 = 10n ** 18n;
export function dec18(s) {
  const [whole, frac = ""] = String(s).split(".");
  const neg = whole.startsWith("-");
  const v = BigInt(whole.replace("-", "") || "0") * ONE18 + BigInt((frac + "0".repeat(18)).slice(0, 18));
  return neg ? -v : v;
}
