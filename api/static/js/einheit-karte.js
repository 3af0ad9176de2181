// The small map of a spatial unit's entry page: its boundary or point and its sourced neighbours.
(function () {
  "use strict";
  var dataNode = document.getElementById("einheit-daten");
  var mapNode = document.getElementById("einheit-karte");
  if (!dataNode || !mapNode || typeof L === "undefined") { return; }
  var data = JSON.parse(dataNode.textContent);
  var map = L.map(mapNode, { keyboard: true, attributionControl: false });
  var layer = L.geoJSON(data.geometry, {
    style: { color: "#1d70b8", weight: 3, fillOpacity: 0.15 },
    pointToLayer: function (feature, latlng) {
      return L.circleMarker(latlng, { radius: 9, color: "#1d70b8", weight: 3, fillOpacity: 0.3 });
    }
  }).bindTooltip(data.name);
  var bounds = layer.getBounds();
  var neighbours = [];
  (data.neighbours || []).forEach(function (n) {
    if (n.lat === null || n.lat === undefined) { return; }
    neighbours.push(L.circleMarker([n.lat, n.lon], { radius: 6, color: "#4c2c92", weight: 2, dashArray: "3 3", fillOpacity: 0.05 })
      .bindTooltip(n.label));
    bounds.extend([n.lat, n.lon]);
  });
  // the view first: Leaflet draws vector layers only on a map that has one
  map.fitBounds(bounds, { padding: [20, 20], maxZoom: 14 });
  layer.addTo(map);
  neighbours.forEach(function (marker) { marker.addTo(map); });
  mapNode.setAttribute("data-ready", "1");
}());
