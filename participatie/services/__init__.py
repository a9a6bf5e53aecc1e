"""
participatie's writes, one module per topic: every action that creates, changes or deletes records.

- `stappen`: participation steps I, II and IV (advice, plan, the opdrachtgever's decisions, evaluations);
- `betrokkenen`: step III (stakeholders, trajectories, meetings, the overvraging threshold) and the wijken of an
  activity;
- `inbreng`: what was brought in and what was done with it;
- `inkoop`: procurement tracks and their steps;
- `communicatie`: communication actions.

Keyword arguments, one transaction, the row locked. The services of `communicatie` and `inbreng` receive the
acting user (`door`) and check it against participatie/permissions.py themselves; the others are guarded by their
views, which ask the same predicates, and record who acted (`gebruiker`, `door`). What the pages read is
participatie/selectors/. The pure calculations that are neither are plain modules beside them:
participatie/terugrekenen.py (backward planning) and participatie/overvraging.py (the overvraging rule).
"""
