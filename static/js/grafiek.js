// Draws every plotly figure on the page. The figure JSON comes from a json_script element whose id is in the
// container's data-grafiek attribute; no inline script is needed (Content Security Policy friendly).
(function () {
  "use strict";
  function teken() {
    document.querySelectorAll("[data-grafiek]").forEach(function (container) {
      var bron = document.getElementById(container.dataset.grafiek);
      if (!bron || typeof Plotly === "undefined") { return; }
      var figuur = JSON.parse(bron.textContent);
      var config = { responsive: true, displaylogo: false, locale: "nl" };
      Plotly.newPlot(container, figuur.data, figuur.layout || {}, config);
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", teken);
  } else {
    teken();
  }
})();
