; TypeScript-only nodes, added to the JavaScript patterns (javascript.scm).
(abstract_class_declaration) @def
(public_field_definition) @field
(enum_declaration) @enum
(type_alias_declaration value: (union_type)) @union

