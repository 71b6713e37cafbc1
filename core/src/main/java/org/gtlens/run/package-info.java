/**
 * One run that turns batches into every output table; the command line and the KNIME nodes only supply sinks.
 */
package org.gtlens.run;
