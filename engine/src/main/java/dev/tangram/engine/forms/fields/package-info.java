/**
 * Field types. Each type is one class that owns its definition checks, its JSON Schema fragment
 * and its storage mapping; {@link dev.tangram.engine.forms.fields.FieldTypes} is only a map.
 */
@NullMarked
package dev.tangram.engine.forms.fields;

import org.jspecify.annotations.NullMarked;
