// Price quotes for would-be orders.
export {};
