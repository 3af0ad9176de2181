// The network page's script (CSP script-src 'self': no inline code). Its data comes from the
// <script type="application/json" id="network-config"> block of the page.
(function () {
  "use strict";
  var CONFIG = JSON.parse(document.getElementById("network-config").textContent);
  var DATA = CONFIG.data;
  var visibleText = CONFIG.visible;
  var selectedText = CONFIG.selected;
  var nodes = new vis.DataSet(DATA.nodes);
  var edges = new vis.DataSet(DATA.edges);
  var boxes = document.querySelectorAll('input[name="kind"]');
  var state = { kinds: new Set(), plan: "" };
  boxes.forEach(function (box) { if (box.checked) state.kinds.add(box.value); });
  var near = new Set();
  function computeNear() {
    near = new Set();
    if (!state.plan) return;
    near.add(state.plan);
    edges.forEach(function (e) {
      if (e.from === state.plan) near.add(e.to);
      if (e.to === state.plan) near.add(e.from);
    });
  }
  function showNode(n) { return state.kinds.has(n.kind) && (!state.plan || near.has(n.id)); }
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
  // Labels: drawn only from labelMinPx on screen. The threshold sits between the label sizes shown
  // and hidden at the whole picture, so no label is drawn faded (vis-network fades within 1 px of it).
  function fitLabels() {
    var scale = network.getScale(), min = DATA.labelMinPx;
    var sizes = DATA.labelSizes.map(function (s) { return s * scale; });
    var shown = sizes.filter(function (s) { return s >= min; });
    var hidden = sizes.filter(function (s) { return s < min; });
    var threshold = min + 1;
    if (shown.length && hidden.length) {
      var a = Math.min.apply(null, shown), b = Math.max.apply(null, hidden);
      threshold = a - b > 1 ? (a + b) / 2 + 0.5 : a;
    } else if (shown.length) {
      threshold = Math.min(min + 1, Math.min.apply(null, shown));
    }
    network.setOptions({ nodes: { scaling: { label: { drawThreshold: threshold } } } });
  }
  // the whole picture, but a few nodes are not blown up to giant labels
  function fitAll() {
    network.fit({ animation: false });
    if (network.getScale() > DATA.maxFitScale) {
      network.moveTo({ scale: DATA.maxFitScale, animation: false });
    }
    fitLabels();
  }
  function ready() {
    network.setOptions({ physics: false });
    // after vis-network's own end-of-stabilisation work: the whole picture, then the labels for it
    window.setTimeout(function () {
      fitAll();
      container.setAttribute("data-ready", "true");
      window.isrpReady = true;
    }, 0);
  }
  network.once("stabilizationIterationsDone", ready);
  if (DATA.nodes.length === 0) { ready(); }
  function showCounts() {
    document.getElementById("visible").textContent = visibleText
      .replace("{nodes}", nodeView.length).replace("{edges}", edgeView.length);
  }
  function update() {
    computeNear();
    nodeView.refresh();
    edgeView.refresh();
    showCounts();
    // nodes shown for the first time find their place; the others stay where they are
    if (window.isrpReady && nodeView.length > 0) {
      network.once("stabilizationIterationsDone", ready);
      network.setOptions({ physics: { enabled: true, stabilization: { enabled: false } } });
      network.stabilize(300);
    } else {
      fitAll();
    }
  }
  function setKinds(wanted) {
    boxes.forEach(function (box) {
      box.checked = wanted.indexOf(box.value) !== -1;
      if (box.checked) state.kinds.add(box.value); else state.kinds.delete(box.value);
    });
  }
  function allKinds() { return Array.prototype.map.call(boxes, function (box) { return box.value; }); }
  boxes.forEach(function (box) {
    box.addEventListener("change", function () {
      if (box.checked) state.kinds.add(box.value); else state.kinds.delete(box.value);
      update();
    });
  });
  var select = document.getElementById("plan-select");
  select.addEventListener("change", function () {
    state.plan = select.value;
    if (state.plan) setKinds(allKinds());  // a plan with all its direct links, of every kind
    update();
  });
  document.getElementById("reset").addEventListener("click", function () {
    setKinds(allKinds());
    select.value = ""; state.plan = ""; update();
  });
  var startButton = document.getElementById("start-view");
  if (startButton) {
    startButton.addEventListener("click", function () {
      setKinds(DATA.startKinds);
      select.value = ""; state.plan = ""; update();
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
  network.on("selectNode", function (params) {
    var node = nodes.get(params.nodes[0]);
    if (!node) return;
    selected.textContent = selectedText.replace("{name}", node.label)
      .replace("{kind}", DATA.kindLabels[node.kind] || node.kind)
      .replace("{n}", network.getConnectedEdges(node.id).length) + " ";
    var href = DATA.links[node.id];
    if (href) {
      var a = document.createElement("a");
      a.href = href;
      a.textContent = CONFIG.openEntry;
      selected.appendChild(a);
    }
  });
  network.on("deselectNode", function () { selected.textContent = ""; });
  network.on("doubleClick", function (params) {
    var href = params.nodes.length ? DATA.links[params.nodes[0]] : null;
    if (href) window.location.href = href;
  });
  state.plan = select.value;
  computeNear(); nodeView.refresh(); edgeView.refresh();
  showCounts();
  window.isrpNetwork = network;
  window.isrpNodes = nodes;
  window.isrpVisible = function () { return { nodes: nodeView.length, edges: edgeView.length }; };
})();
