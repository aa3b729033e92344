// coincident 4.1.1's service worker (its sabayon relay), served beside
// relay-coincident.html so that its default scope covers the page.
importScripts("../../coincident/sw.js");
