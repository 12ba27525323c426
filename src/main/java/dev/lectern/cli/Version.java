package dev.lectern.cli;

import picocli.CommandLine;

/** The version from the jar's manifest (or "development build" when run from classes). */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Version.class.getPackage().getImplementationVersion();
        return new String[] {"Lectern " + (v == null ? "development build" : v)};
    }
}
