"""The pages of actielijnen, by topic: activities and their updates (`activiteiten`), the risk register (`risicos`)."""
