; Nodes the JavaScript/TypeScript extractor needs. One capture per pattern; the capture
; name says which handler in scan/extract_js.py receives the node.

; Named code units: functions, methods, classes, object-literal methods.
(function_declaration) @def
(generator_function_declaration) @def
(method_definition) @def
(class_declaration) @def
(pair value: [(arrow_function) (function_expression)]) @pair

; Variables: function values become definitions, everything else a binding.
(variable_declarator) @var

; Assignments: `module.exports = ...`, `this.mailer = ...`, `req.user = ...`.
(assignment_expression) @assign

(call_expression) @call
(new_expression) @new
(import_statement) @import
(export_statement) @export

; Branches whose condition may segment users.
(if_statement condition: (_) @branch)
(ternary_expression condition: (_) @branch)
(switch_statement value: (_) @branch)
