// The map of /karte: Leaflet layers built from the page's JSON block, switched by the checkboxes beside
// the map. No tile server unless the page names one (the city's intranet server); nothing else is loaded.
(function () {
  "use strict";
  var dataNode = document.getElementById("karte-daten");
  var mapNode = document.getElementById("karte");
  if (!dataNode || !mapNode || typeof L === "undefined") { return; }
  var data = JSON.parse(dataNode.textContent);
  var map = L.map(mapNode, { keyboard: true, zoomSnap: 0.25, attributionControl: !!data.tiles });
  if (data.tiles) {
    L.tileLayer(data.tiles.url, { attribution: data.tiles.attribution || "", maxZoom: 19 }).addTo(map);
  }
  var layers = {};
  var bounds = [];

  function radius(population) {
    if (population === null || population === undefined) { return 6; }
    return Math.max(5, Math.sqrt(population) / 6);
  }
  function link(name, href) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = name;
    return a;
  }
  function icon(text, cls) {
    return L.divIcon({ className: "map-icon", html: '<span class="' + cls + '">' + text + "</span>", iconSize: [20, 20] });
  }
  function popupFor(unit) {
    var box = document.createElement("div");
    box.appendChild(link(unit.name, unit.href));
    var p = document.createElement("p");
    p.textContent = unit.populationText ? unit.populationText + " " + data.texts.inhabitants : data.texts.noPopulation;
    box.appendChild(p);
    return box;
  }

  var units = L.layerGroup();
  var need = L.layerGroup();
  var coverage = L.layerGroup();
  data.units.forEach(function (unit) {
    if (unit.lat === null) { return; }
    bounds.push([unit.lat, unit.lon]);
    var shape;
    if (unit.geometry) {
      shape = L.geoJSON(unit.geometry, { style: { color: "#1d70b8", weight: 2, fillOpacity: 0.1 } });
    } else {
      shape = L.circleMarker([unit.lat, unit.lon], {
        radius: radius(unit.population), color: "#1d70b8", weight: 2, fillOpacity: 0.15,
        dashArray: unit.population === null ? "4 4" : null
      });
    }
    shape.bindTooltip(unit.name).bindPopup(popupFor(unit));
    shape.feature_name = unit.name;
    units.addLayer(shape);
    if (unit.need) {
      need.addLayer(L.marker([unit.lat, unit.lon], {
        icon: icon(unit.need.symbol, "need-mark need-" + unit.need.rank),
        title: unit.name + ": " + unit.need.label, alt: unit.name + ": " + unit.need.label, keyboard: true
      }).bindPopup(popupFor(unit)));
    }
    if (data.coverage) {
      var reached = unit.plans.length > 0;
      coverage.addLayer(L.circleMarker([unit.lat, unit.lon], {
        radius: 9, color: reached ? "#005a30" : "#6f777b", weight: reached ? 3 : 2,
        fillOpacity: reached ? 0.6 : 0.05, dashArray: reached ? null : "3 3"
      }).bindTooltip(unit.name + ": " + (reached ? "✓ " + data.texts.covered : "✗ " + data.texts.uncovered)));
    }
  });
  layers.units = units;
  layers.need = need;
  if (data.coverage) { layers.coverage = coverage; }

  var points = L.layerGroup();
  data.points.forEach(function (point) {
    if (point.lat === null) { return; }
    var letter = point.kind === "qm" ? "Q" : "Z";
    points.addLayer(L.marker([point.lat, point.lon], {
      icon: icon(letter, "point-mark"), title: point.name, alt: point.name, keyboard: true
    }).bindPopup(link(point.name, point.href)));
  });
  layers.points = points;

  data.systems.forEach(function (system, index) {
    var group = L.layerGroup();
    data.units.forEach(function (unit) {
      if (unit.lat === null) { return; }
      unit.parts.forEach(function (part) {
        if (!isPart(system, part)) { return; }
        var whole = part.relation === "within";
        group.addLayer(L.circleMarker([unit.lat, unit.lon], {
          radius: 13, color: "#4c2c92", weight: 3, fill: false, dashArray: whole ? null : "6 4"
        }).bindTooltip(part.name + " – " + unit.name + " (" + (whole ? data.texts.within : data.texts.partly.trim()) + ")"));
      });
    });
    layers["system-" + index] = group;
  });
  function isPart(system, part) { return (system.units || []).indexOf(part.iri) >= 0; }

  var switches = document.querySelectorAll("#karte-ebenen input[data-layer]");
  Array.prototype.forEach.call(switches, function (box) {
    var layer = layers[box.getAttribute("data-layer")];
    if (!layer) { box.disabled = true; return; }
    if (box.checked) { layer.addTo(map); }
    box.addEventListener("change", function () {
      if (box.checked) { layer.addTo(map); } else { map.removeLayer(layer); }
    });
  });
  if (bounds.length) { map.fitBounds(bounds, { padding: [20, 20] }); } else { map.setView([51.0, 10.5], 6); }
  mapNode.setAttribute("data-ready", "1");
}());
