package org.policysearch.cli;
public class Main { public static void main(String[] a) {} }
