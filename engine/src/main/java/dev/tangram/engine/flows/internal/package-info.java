/** How flows work inside: the flow model, the BPMN compiler and checker, and the hooks Flowable calls. */
@NullMarked
package dev.tangram.engine.flows.internal;

import org.jspecify.annotations.NullMarked;
