"""
participatie's forms, one module per topic like participatie/views/: `stappen`, `stakeholders`, `inbreng`,
`inkoop` and `communicatie`. They validate input in Dutch next to the field; the rules the data must satisfy are
kept again by the services, because a direct POST skips the form.
"""
