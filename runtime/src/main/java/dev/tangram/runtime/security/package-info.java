/** Who is calling: users, the admin bootstrap, API tokens and the security filter chain. */
@NullMarked
package dev.tangram.runtime.security;

import org.jspecify.annotations.NullMarked;
