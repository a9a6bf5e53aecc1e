// The main menu is open in the HTML, so it works without JavaScript. On a narrow screen it folds to its
// "Menu" button (a <details>: keyboard and screen readers know it), so the page's own content comes first.
(function () {
  "use strict";
  var menu = document.getElementById("hoofdmenu");
  if (!menu || !window.matchMedia) {
    return;
  }
  var smal = window.matchMedia("(max-width: 48rem)");
  function aanpassen() {
    menu.open = !smal.matches;
  }
  aanpassen();
  if (smal.addEventListener) {
    smal.addEventListener("change", aanpassen);
  }
})();
