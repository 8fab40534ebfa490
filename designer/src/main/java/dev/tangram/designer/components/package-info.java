/**
 * UI pieces shared by the designers and the end-user views: the translations (zh-CN / en) and
 * the language switch.
 */
@NullMarked
package dev.tangram.designer.components;

import org.jspecify.annotations.NullMarked;
