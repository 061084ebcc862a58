package org.computecap.engine.representatives;

import org.computecap.engine.Event;

/** A person was linked to their OpenID Connect subject (issue 16). */
public record PersonOidcSubjectSet(long personId, String subject, long setBy) implements Event {}
