"""
participatie's pages, one module per topic: `stappen` (participation steps I, II and IV), `stakeholders` (step
III and wijkgericht werken), `inbreng`, `inkoop` and `communicatie`.

Only HTTP: who may (participatie/permissions.py, through `toegang_vereist` and its predicates), one service or
selector (participatie/services/, participatie/selectors/), render. Who may not gets the Dutch 403, also on a
direct POST; anonymous users go to the login page.
"""
