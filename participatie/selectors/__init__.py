"""
What participatie's pages, the dashboard's hooks and the edition read, one module per topic; each read is a fixed
number of queries.

- `stappen`: participation steps I–IV per activity, and the decisions and links on actielijnen's pages;
- `betrokkenen`: the stakeholder register, trajectories and meetings, the programme per wijk;
- `overvraging`: how often each stakeholder is asked per quarter, and its warnings;
- `inbreng`: what was brought in and what was done with it (the edition's rows too);
- `inkoop`: procurement tracks with their backward planning, and their warnings;
- `communicatie`: communication actions, budgets, the newsletter norm and the plan's agreements.

The writes are participatie/services/. The pure calculations that are neither are plain modules beside them:
participatie/terugrekenen.py (backward planning) and participatie/overvraging.py (the overvraging rule).
"""
