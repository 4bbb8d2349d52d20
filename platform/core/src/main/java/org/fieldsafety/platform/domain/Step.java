package org.fieldsafety.platform.domain;

import java.time.Instant;

/**
 * A command as a caller asks for it, completed with who asks and when: an application service supplies
 * the signed-in user and the clock's now, so a resource never reads either.
 *
 * @param <C> the command
 */
@FunctionalInterface
public interface Step<C> {

    C by(String user, Instant now);
}
