/* The network page: vis-network with positions computed on the server (no physics), filters by
   kind, presets per plan, body and network, node selection by list, click or tap, projector mode,
   PNG and SVG export. Data comes from <script type="application/json" id="network-data">. */
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("network-data").textContent);
  var T = DATA.texts;
  var nodes = new vis.DataSet(DATA.nodes);
  var edges = new vis.DataSet(DATA.edges);
  var boxes = document.querySelectorAll('input[name="kind"]');
  var state = { kinds: new Set(), preset: "" };
  boxes.forEach(function (box) { if (box.checked) state.kinds.add(box.value); });
  var presetMembers = new Set();

  function showNode(n) {
    return state.kinds.has(n.kind) && (!state.preset || presetMembers.has(n.id));
  }
  var nodeView = new vis.DataView(nodes, { filter: showNode });
  var edgeView = new vis.DataView(edges, { filter: function (e) {
    var a = nodes.get(e.from), b = nodes.get(e.to);
    return a && b && showNode(a) && showNode(b);
  } });
  var container = document.getElementById("network");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, DATA.options);
  // the canvas frame takes the keys (arrows move, +/- zoom): name it for screen readers
  var frame = container.querySelector(".vis-network");
  if (frame) {
    frame.setAttribute("role", "img");
    frame.setAttribute("aria-label", container.dataset.label || "");
    frame.setAttribute("aria-describedby", "network-notes");
  }

  function sameKinds(a, b) {
    if (a.length !== b.size) return false;
    return a.every(function (k) { return b.has(k); });
  }
  // positions of the current view: a preset's own layout, the start view's, or the whole network's
  function positionsNow() {
    if (state.preset) return DATA.presets[state.preset].pos;
    if (sameKinds(DATA.startKinds, state.kinds)) return DATA.views.start;
    return DATA.views.all;
  }
  function place() {
    var pos = positionsNow();
    var moved = [];
    Object.keys(pos).forEach(function (id) { moved.push({ id: id, x: pos[id][0], y: pos[id][1] }); });
    nodes.update(moved);
  }
  function fitAll() {
    network.fit({ animation: false });
    if (network.getScale() > DATA.maxFitScale) {
      network.moveTo({ scale: DATA.maxFitScale, animation: false });
    }
  }
  function showCounts() {
    document.getElementById("visible").textContent = T.visible
      .replace("{nodes}", nodeView.length).replace("{edges}", edgeView.length);
  }
  var nodeSelect = document.getElementById("node-select");
  function fillNodeSelect() {
    var current = nodeSelect.value;
    Array.prototype.forEach.call(nodeSelect.options, function (option) {
      if (!option.value) return;
      var node = nodes.get(option.value);
      var shown = !!node && showNode(node);
      option.hidden = !shown;
      option.disabled = !shown;
    });
    if (current && nodeSelect.selectedOptions[0] && nodeSelect.selectedOptions[0].disabled) {
      nodeSelect.value = "";
    }
  }
  function update() {
    presetMembers = new Set(state.preset ? DATA.presets[state.preset].nodes : []);
    place();
    nodeView.refresh();
    edgeView.refresh();
    showCounts();
    fillNodeSelect();
    fitAll();
  }
  function setKinds(wanted) {
    boxes.forEach(function (box) {
      box.checked = wanted.indexOf(box.value) !== -1;
      if (box.checked) state.kinds.add(box.value); else state.kinds.delete(box.value);
    });
  }
  function allKinds() { return Array.prototype.map.call(boxes, function (box) { return box.value; }); }
  var select = document.getElementById("plan-select");
  boxes.forEach(function (box) {
    box.addEventListener("change", function () {
      if (box.checked) state.kinds.add(box.value); else state.kinds.delete(box.value);
      update();
    });
  });
  function applyPreset(id) {
    state.preset = id && DATA.presets[id] ? id : "";
    if (state.preset) setKinds(allKinds());
    update();
  }
  select.addEventListener("change", function () {
    var id = select.value;
    if (id && !DATA.presets[id] && DATA.presetUrl) {  // a large network: the preset's layout on demand
      fetch(DATA.presetUrl + encodeURIComponent(id), { headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (preset) { if (preset) DATA.presets[id] = preset; applyPreset(id); });
      return;
    }
    applyPreset(id);
  });
  document.getElementById("reset").addEventListener("click", function () {
    setKinds(allKinds());
    select.value = ""; state.preset = ""; update();
  });
  var startButton = document.getElementById("start-view");
  if (startButton) {
    startButton.addEventListener("click", function () {
      setKinds(DATA.startKinds);
      select.value = ""; state.preset = ""; update();
    });
  }
  function zoom(factor) {
    network.moveTo({ scale: network.getScale() * factor, animation: { duration: 200 } });
  }
  document.getElementById("zoom-in").addEventListener("click", function () { zoom(1.4); });
  document.getElementById("zoom-out").addEventListener("click", function () { zoom(1 / 1.4); });
  document.getElementById("fit").addEventListener("click", fitAll);

  // the selected node: name, kind, links and (in the web app) a link to its entry
  var selected = document.getElementById("selected");
  function describe(id) {
    var node = nodes.get(id);
    if (!node) { selected.textContent = ""; return; }
    selected.textContent = T.selected.replace("{name}", node.name || node.label)
      .replace("{kind}", DATA.kindLabels[node.kind] || node.kind)
      .replace("{n}", network.getConnectedEdges(node.id).length) + " ";
    var href = DATA.links[node.id];
    if (href) {
      var a = document.createElement("a");
      a.href = href;
      a.textContent = T.openEntry;
      selected.appendChild(a);
    }
  }
  function choose(id) {
    if (id && nodes.get(id) && showNode(nodes.get(id))) {
      network.selectNodes([id]);
      network.focus(id, { scale: Math.max(network.getScale(), 0.6), animation: false });
      describe(id);
    } else {
      network.unselectAll();
      describe(null);
    }
  }
  nodeSelect.addEventListener("change", function () { choose(nodeSelect.value); });
  network.on("selectNode", function (params) {
    nodeSelect.value = params.nodes[0];
    describe(params.nodes[0]);
  });
  network.on("deselectNode", function () { nodeSelect.value = ""; describe(null); });
  network.on("doubleClick", function (params) {
    var href = params.nodes.length ? DATA.links[params.nodes[0]] : null;
    if (href) window.location.href = href;
  });
  if (frame) {
    frame.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { nodeSelect.value = ""; choose(""); }
    });
  }

  // projector view: the picture alone, filling the screen (1920 × 1080 and any other)
  var projector = document.getElementById("projector");
  var frameBox = document.getElementById("network-frame");
  function setProjector(on) {
    document.body.classList.toggle("projector", on);
    projector.setAttribute("aria-pressed", on ? "true" : "false");
    if (on && frameBox.requestFullscreen && !document.fullscreenElement) {
      frameBox.requestFullscreen().catch(function () { /* the fixed frame fills the window anyway */ });
    } else if (!on && document.fullscreenElement && document.exitFullscreen) {
      document.exitFullscreen().catch(function () {});
    }
    window.setTimeout(function () { network.redraw(); fitAll(); }, 50);
    if (on) document.getElementById("projector-end").focus(); else projector.focus();
  }
  projector.addEventListener("click", function () { setProjector(!document.body.classList.contains("projector")); });
  document.getElementById("projector-end").addEventListener("click", function () { setProjector(false); });
  document.addEventListener("fullscreenchange", function () {
    if (!document.fullscreenElement && document.body.classList.contains("projector")) setProjector(false);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && document.body.classList.contains("projector")) setProjector(false);
  });

  // export: the canvas as PNG, the visible nodes and links as SVG (vector, with the same positions)
  function download(name, href) {
    var a = document.createElement("a");
    a.href = href; a.download = name;
    document.body.appendChild(a); a.click(); a.remove();
  }
  document.getElementById("export-png").addEventListener("click", function () {
    var canvas = container.querySelector("canvas");
    if (canvas) download("netzwerk.png", canvas.toDataURL("image/png"));
  });
  function esc(text) {
    return String(text).replace(/&/g, "&amp;").replace(/[<]/g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }
  function shape(node, x, y) {
    var st = DATA.styles[node.kind] || {}, r = node.size || 12;
    var paint = ' fill="' + st.colour + '" stroke="' + st.border + '" stroke-width="2"';
    switch (st.shape) {
      case "square": return '<rect x="' + (x - r) + '" y="' + (y - r) + '" width="' + 2 * r + '" height="' + 2 * r + '"' + paint + "/>";
      case "diamond": return '<polygon points="' + [x, y - r, x + r, y, x, y + r, x - r, y].join(" ") + '"' + paint + "/>";
      case "triangle": return '<polygon points="' + [x, y - r, x + r, y + r * 0.8, x - r, y + r * 0.8].join(" ") + '"' + paint + "/>";
      case "triangleDown": return '<polygon points="' + [x - r, y - r * 0.8, x + r, y - r * 0.8, x, y + r].join(" ") + '"' + paint + "/>";
      default: return '<circle cx="' + x + '" cy="' + y + '" r="' + r + '"' + paint + "/>";
    }
  }
  function svgText() {
    var pos = network.getPositions(nodeView.getIds());
    var ids = Object.keys(pos);
    if (!ids.length) return "";
    var minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    ids.forEach(function (id) {
      minX = Math.min(minX, pos[id].x - 160); maxX = Math.max(maxX, pos[id].x + 160);
      minY = Math.min(minY, pos[id].y - 40); maxY = Math.max(maxY, pos[id].y + 120);
    });
    var out = ['<svg xmlns="http://www.w3.org/2000/svg" viewBox="' + [minX, minY, maxX - minX, maxY - minY].join(" ") +
      '" font-family="system-ui, sans-serif" role="img"><title>' + esc(T.title) + "</title>",
      '<rect x="' + minX + '" y="' + minY + '" width="' + (maxX - minX) + '" height="' + (maxY - minY) + '" fill="#fff"/>'];
    edgeView.forEach(function (e) {
      var a = pos[e.from], b = pos[e.to];
      if (!a || !b) return;
      out.push('<line x1="' + a.x + '" y1="' + a.y + '" x2="' + b.x + '" y2="' + b.y + '" stroke="' +
        (e.color && e.color.color || "#8a8a8a") + '" stroke-width="' + (e.width || 1) + '"' +
        (e.dashes ? ' stroke-dasharray="8 6"' : "") + "><title>" + esc(e.title || "") + "</title></line>");
    });
    ids.forEach(function (id) {
      var n = nodes.get(id), p = pos[id], size = (n.font && n.font.size) || 18;
      out.push("<g>" + shape(n, p.x, p.y) + "<title>" + esc(n.title || n.label) + "</title>");
      var lines = String(n.label).split("\n");
      out.push('<text x="' + p.x + '" y="' + (p.y + (n.size || 12) + size) + '" font-size="' + size +
        '" text-anchor="middle" fill="#111" stroke="#fff" stroke-width="4" paint-order="stroke">');
      lines.forEach(function (line, i) {
        out.push('<tspan x="' + p.x + '" dy="' + (i ? size * 1.2 : 0) + '">' + esc(line) + "</tspan>");
      });
      out.push("</text></g>");
    });
    out.push("</svg>");
    return out.join("\n");
  }
  document.getElementById("export-svg").addEventListener("click", function () {
    var blob = new Blob([svgText()], { type: "image/svg+xml" });
    var url = URL.createObjectURL(blob);
    download("netzwerk.svg", url);
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  });

  if (DATA.focus && DATA.presets[DATA.focus]) {
    state.preset = DATA.focus; select.value = DATA.focus; setKinds(allKinds());
  }
  presetMembers = new Set(state.preset ? DATA.presets[state.preset].nodes : []);
  place();
  nodeView.refresh(); edgeView.refresh();
  showCounts();
  fillNodeSelect();
  function ready() {
    fitAll();
    container.setAttribute("data-ready", "true");
    window.isrpReady = true;
  }
  // after vis-network's first drawing (no physics: it is placed at once)
  network.once("afterDrawing", function () { window.setTimeout(ready, 0); });
  window.isrpNetwork = network;
  window.isrpNodes = nodes;
  window.isrpSvg = svgText;
  window.isrpVisible = function () { return { nodes: nodeView.length, edges: edgeView.length }; };
})();
