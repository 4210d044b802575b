import React from 'react';
import { Box, Text } from '@adminjs/design-system';

// A grouped bar chart of sends, replies and bounces per day, drawn as SVG inside AdminJS's own
// bundle: no charting library to fetch from a CDN, nothing for the page to call outside.
const SERIES = [
  { key: 'sent', label: 'Sent', color: '#3040D6' },
  { key: 'replies', label: 'Replies', color: '#0D9F6E' },
  { key: 'bounces', label: 'Bounces', color: '#E02424' },
];
const WIDTH = 640;
const HEIGHT = 200;
const AXIS = 24;

const TrafficChart = ({ days }) => {
  const top = Math.max(1, ...days.flatMap((day) => SERIES.map((series) => day[series.key])));
  const slot = (WIDTH - AXIS) / Math.max(1, days.length);
  const bar = (slot - 12) / SERIES.length;
  const height = (value) => ((HEIGHT - AXIS) * value) / top;
  return (
    <Box>
      <svg width={WIDTH} height={HEIGHT} role="img" aria-label="Sends, replies and bounces per day" data-testid="traffic-chart">
        <line x1={AXIS} y1={HEIGHT - AXIS} x2={WIDTH} y2={HEIGHT - AXIS} stroke="#999" />
        <text x={0} y={12} fontSize="10" fill="#666">{top}</text>
        {days.map((day, i) => (
          <g key={day.day} data-day={day.day}>
            {SERIES.map((series, j) => (
              <rect
                key={series.key}
                data-series={series.key}
                data-value={day[series.key]}
                x={AXIS + i * slot + 6 + j * bar}
                y={HEIGHT - AXIS - height(day[series.key])}
                width={bar - 2}
                height={height(day[series.key])}
                fill={series.color}
              >
                <title>{`${day.day}: ${day[series.key]} ${series.label.toLowerCase()}`}</title>
              </rect>
            ))}
            <text x={AXIS + i * slot + slot / 2} y={HEIGHT - 8} fontSize="10" textAnchor="middle" fill="#666">{day.day.slice(5)}</text>
          </g>
        ))}
      </svg>
      <Text>
        {SERIES.map((series) => (
          <span key={series.key} style={{ marginRight: 16 }}>
            <span style={{ display: 'inline-block', width: 10, height: 10, background: series.color, marginRight: 4 }} />
            {series.label} ({days.reduce((sum, day) => sum + day[series.key], 0)})
          </span>
        ))}
      </Text>
    </Box>
  );
};

export default TrafficChart;
