"""The pages of actielijnen, by topic: activities and their updates (`activiteiten`), the manager's dashboard and
the decisions waiting (`overzicht`), the risk register (`risicos`)."""
