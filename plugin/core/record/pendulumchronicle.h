#ifndef PENDULUMCHRONICLE_H
#define PENDULUMCHRONICLE_H

#include <QString>

class PendulumRecordReader;

/**
 * The record as a dated Markdown chronology, so that reviewers can read the
 * history without GIS: for every day on which something happens, the events
 * of that day and the features that begin or end, each line with its
 * citations (author–date and locator).
 */
class PendulumChronicle
{
public:
  static QString markdown( const PendulumRecordReader &record );
};

#endif // PENDULUMCHRONICLE_H
