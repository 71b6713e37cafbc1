/**
 * The bundle's life in the OSGi framework KNIME runs on: what it prepares when it starts, before any node runs.
 */
package org.gtlens.knime.bundle;
