; Plain-JavaScript-only nodes, added to javascript.scm for .js/.jsx files.
(field_definition) @field
