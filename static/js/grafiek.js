// Draws every plotly figure on the page. The figure JSON comes from a json_script element whose id is in the
// container's data-grafiek attribute; no inline script is needed (Content Security Policy friendly).
// The look (Dutch number formats, fonts, colours, legend) is in the figure's layout (bronnen/grafiekstijl.py);
// locale "nl" (vendor/plotly/plotly-locale-nl.js, registered before this script) gives Dutch month names
// and modebar texts.
(function () {
  "use strict";
  var CONFIG = {
    responsive: true,
    displaylogo: false,
    locale: "nl",
    // No modebar: its buttons work by mouse only (links without href), and inside a role="img" they would be
    // interactive content in an image (axe: nested-interactive). The table beside each chart has the figures.
    displayModeBar: false
  };
  var volgnummer = 0;

  // The chart is one image for assistive technology, named by its figure's caption; the table beside it
  // holds the same figures.
  function benoem(container) {
    container.setAttribute("role", "img");
    if (container.hasAttribute("aria-label") || container.hasAttribute("aria-labelledby")) { return; }
    var figuur = container.closest("figure");
    var bijschrift = figuur && figuur.querySelector("figcaption");
    if (bijschrift) {
      if (!bijschrift.id) { volgnummer += 1; bijschrift.id = "grafiek-bijschrift-" + volgnummer; }
      container.setAttribute("aria-labelledby", bijschrift.id);
    } else {
      container.setAttribute("aria-label", "Grafiek; de cijfers staan in de tabel op deze pagina.");
    }
  }

  function teken() {
    document.querySelectorAll("[data-grafiek]").forEach(function (container) {
      var bron = document.getElementById(container.dataset.grafiek);
      if (!bron || typeof Plotly === "undefined") { return; }
      var figuur = JSON.parse(bron.textContent);
      benoem(container);
      Plotly.newPlot(container, figuur.data, figuur.layout || {}, CONFIG);
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", teken);
  } else {
    teken();
  }
})();
