"""What two or more actions share: the Discovery model, entities, field naming and
type mapping, and what one touchpoint means (channel, language, task)."""
