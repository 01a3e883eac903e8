// "Add to Keplr": suggests this chain to the Keplr extension with the chain
// description the node serves (docs/wallets.md). Without Keplr the button
// opens that JSON, for any wallet that imports a chain description.

import { base } from "./api.js";

// The description of the node that serves this page, beside it.
const chainInfoURL = "chain-info.json";

export function setup() {
  const button = document.getElementById("add-keplr");
  if (!button) return;
  // A page pointed at another node by ?rest= offers no chain to a wallet:
  // a link to this trusted page must not suggest a stranger's RPC and REST.
  if (base) {
    button.hidden = true;
    return;
  }
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
