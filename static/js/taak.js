// Keeps the progress of a background job up to date: asks the job's JSON (data-taak) every second, sets the
// <progress> bar and the "12.000 van 100.000 rijen" text (the unit comes from the job), and reloads the page once the job has ended, so the
// server shows the result. Without JavaScript the page has a "Vernieuwen" link. No inline script (CSP).
(function () {
  "use strict";
  var INTERVAL = 1000;

  function aantal(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  }

  function volg(blok) {
    var url = blok.dataset.taak;
    var veld = function (naam) { return blok.querySelector('[data-taak-veld="' + naam + '"]'); };
    var vorigeStatus = null;
    var vorigTiental = -1;

    function toon(stand) {
      var eenheid = " " + (stand.eenheid || "rijen");
      var balk = veld("balk");
      var telling = veld("telling");
      if (veld("status")) { veld("status").textContent = stand.status_tekst; }
      if (balk && stand.totaal) {
        balk.max = stand.totaal;
        balk.value = Math.min(stand.gedaan, stand.totaal);
        balk.textContent = aantal(stand.gedaan) + " van " + aantal(stand.totaal);
      }
      if (telling) {
        telling.textContent = stand.totaal
          ? aantal(stand.gedaan) + " van " + aantal(stand.totaal) + eenheid
          : (stand.gedaan ? aantal(stand.gedaan) + eenheid : "");
      }
      if (veld("melding")) { veld("melding").textContent = stand.melding; }
      // Screen readers hear the status and every tenth of the way, not a number every second.
      var tiental = stand.totaal ? Math.floor((10 * stand.gedaan) / stand.totaal) : 0;
      if (stand.status !== vorigeStatus || tiental !== vorigTiental) {
        var tekst = stand.status_tekst;
        if (stand.totaal) { tekst += ": " + aantal(stand.gedaan) + " van " + aantal(stand.totaal) + eenheid; }
        veld("aankondiging").textContent = tekst;
        vorigeStatus = stand.status;
        vorigTiental = tiental;
      }
    }

    function vraag() {
      fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (antwoord) {
          if (!antwoord.ok) { throw new Error(String(antwoord.status)); }
          return antwoord.json();
        })
        .then(function (stand) {
          toon(stand);
          // The job page says "wacht op de verwerker" while the job waits: once it starts, the page is reloaded
          // so that line says when it started.
          var wachtend = document.querySelector("[data-taak-wachtend]");
          if (stand.afgelopen || (wachtend && stand.status !== "wachtend")) {
            window.location.reload();
          } else {
            window.setTimeout(vraag, INTERVAL);
          }
        })
        .catch(function () { window.setTimeout(vraag, 5 * INTERVAL); });
    }

    window.setTimeout(vraag, INTERVAL);
  }

  function start() {
    document.querySelectorAll("[data-taak]").forEach(function (blok) {
      if (blok.dataset.taakAfgelopen !== "1") { volg(blok); }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
