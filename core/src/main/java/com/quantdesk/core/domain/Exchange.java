package com.quantdesk.core.domain;

/** The exchanges Quantdesk trades on. */
public enum Exchange {
    /** National Stock Exchange of India, cash segment. */
    NSE,
    /** BSE, cash segment. */
    BSE
}
