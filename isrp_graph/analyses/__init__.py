"""The ISRP analyses — what the integrated social-space planning needs to know about its planning system.

One module per analysis, each built on named queries (queries/*.rq) and returning frozen dataclasses with
labels in the chosen language and a ``tables()`` method for the CLI, CSV files and the HTML report:

- ``interfaces``: a plan's declared interfaces/delimitations; the plan × plan interface matrix;
- ``overlaps``: derived overlaps (target group + topic + space, funding scheme, network) and which of them
  no interface covers ("nicht erklärte Schnittstellen");
- ``gaps``: planning gaps at a reference date (uncovered groups/topics/needs, mandatory plans, deadlines,
  unassigned measures with fitting plans, guidelines, incomplete measures, uncovered high-need areas);
- ``funding``: scheme × plan × measure, schemes needing coordination, unfunded measures;
- ``spatial``: spatial systems, units that do not nest in the reference system, crosswalk.
"""
