// @ts-check
// The report page's one action on screen: print (the print stylesheet hides the tools).

const button = /** @type {HTMLButtonElement | null} */ (document.getElementById('print-report'));
button?.addEventListener('click', () => window.print());
