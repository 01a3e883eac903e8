// "Add to Keplr": suggests this chain to the Keplr extension with the chain
// description the node serves (docs/wallets.md). Without Keplr the button
// opens that JSON, for any wallet that imports a chain description.

import { base } from "./api.js";

// The description of the node the page reads: this one's, beside the page,
// or with ?rest= another node's (which must serve the dashboard too).
const chainInfoURL = base ? base + "/dashboard/chain-info.json" : "chain-info.json";

export function setup() {
  const button = document.getElementById("add-keplr");
  if (!button) return;
  button.addEventListener("click", async () => {
    if (!window.keplr || !window.keplr.experimentalSuggestChain) {
      window.open(chainInfoURL, "_blank");
      return;
    }
    button.disabled = true;
    try {
      const info = await (await fetch(chainInfoURL)).json();
      await window.keplr.experimentalSuggestChain(info);
      await window.keplr.enable(info.chainId);
      button.textContent = "Added to Keplr";
    } catch (e) {
      button.textContent = "Keplr: " + (e && e.message ? e.message : e);
    } finally {
      button.disabled = false;
    }
  });
}
