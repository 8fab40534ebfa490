/**
 * Records: filled-in forms stored in MongoDB, one collection per form, with optimistic locking,
 * a history of every change, serial numbers, relations and allow-listed queries.
 */
@NullMarked
package dev.tangram.engine.records;

import org.jspecify.annotations.NullMarked;
