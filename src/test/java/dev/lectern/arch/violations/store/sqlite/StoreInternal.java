package dev.lectern.arch.violations.store.sqlite;

/** A public class of a store sub-package, which only the store may use. */
public class StoreInternal {
}
