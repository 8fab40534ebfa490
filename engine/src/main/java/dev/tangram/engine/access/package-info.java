/**
 * Who is who: the org directory of users, the department tree with its heads, and roles. Flows
 * resolve approvers from it ("head of my department, 2 levels up", "role finance").
 */
@NullMarked
package dev.tangram.engine.access;

import org.jspecify.annotations.NullMarked;
