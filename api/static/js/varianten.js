// The map of /karte/varianten: each located Ortsteil labelled with the number of its area in the chosen
// variant ("–" when unassigned). The radio buttons beside the map switch the variant.
(function () {
  "use strict";
  var dataNode = document.getElementById("varianten-daten");
  var mapNode = document.getElementById("varianten-karte");
  if (!dataNode || !mapNode || typeof L === "undefined") { return; }
  var data = JSON.parse(dataNode.textContent);
  var map = L.map(mapNode, { keyboard: true, attributionControl: false });
  var group = L.layerGroup().addTo(map);
  var bounds = data.units.map(function (u) { return [u.lat, u.lon]; });

  function show(index) {
    group.clearLayers();
    var variant = data.variants[index];
    var areaOf = {};
    variant.areas.forEach(function (area) {
      area.units.forEach(function (name) { areaOf[name] = areaOf[name] ? areaOf[name] + "+" + area.mark : area.mark; });
    });
    data.units.forEach(function (unit) {
      var mark = areaOf[unit.name] || "–";
      var names = variant.areas.filter(function (a) { return a.units.indexOf(unit.name) >= 0; })
        .map(function (a) { return a.name; });
      var label = unit.name + ": " + (names.length ? names.join(", ") : data.unassigned);
      group.addLayer(L.marker([unit.lat, unit.lon], {
        icon: L.divIcon({ className: "map-icon", html: '<span class="point-mark">' + mark + "</span>", iconSize: [22, 22] }),
        title: label, alt: label, keyboard: true
      }));
    });
    mapNode.setAttribute("data-variant", String(index));
  }
  Array.prototype.forEach.call(document.querySelectorAll("#varianten-wahl input[type=radio]"), function (radio) {
    radio.addEventListener("change", function () { if (radio.checked) { show(Number(radio.value)); } });
  });
  if (bounds.length) { map.fitBounds(bounds, { padding: [20, 20] }); } else { map.setView([51.0, 10.5], 6); }
  show(0);
  mapNode.setAttribute("data-ready", "1");
}());
