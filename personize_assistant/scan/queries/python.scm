; Nodes the Python extractor needs (scan/extract_py.py). One capture per pattern.
(function_definition) @def
(class_definition) @def
(call) @call
(import_statement) @import
(import_from_statement) @import
(assignment) @assign

; Branches whose condition may segment users.
(if_statement condition: (_) @branch)
(elif_clause condition: (_) @branch)
(conditional_expression) @branch

; `with open_client() as client:` binds a name.
(as_pattern) @aspattern

; `for order in Order.objects.filter(...)` binds `order` to an element.
(for_statement left: (identifier) right: (_)) @for
