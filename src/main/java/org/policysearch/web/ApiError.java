package org.policysearch.web;

/** The body of every error answer: a machine code (bad_query, bad_parameter, not_found, forbidden, …) and a sentence for a person. */
public record ApiError(String error, String message) {}
