##! Broker's data values and data stores.
