/**
 * Immutable records validated in their constructors: an end-user's day, a prosumer's day, a day's prices, input specs, the study year's hourly series and the numbering of games. Every validation message starts with the entity's id and names the field.
 */
package org.tea.model;
